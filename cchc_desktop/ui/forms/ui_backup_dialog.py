# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)
from . import resources_rc

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(720, 440)
        BackupDialog.setModal(True)
        self.main_layout = QVBoxLayout(BackupDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(BackupDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.folder_label = QLabel(BackupDialog)
        self.folder_label.setObjectName(u"folder_label")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.folder_label)

        self.backup_table = QTableWidget(BackupDialog)
        if (self.backup_table.columnCount() < 4):
            self.backup_table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.backup_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.backup_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.backup_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.backup_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.backup_table.setObjectName(u"backup_table")
        self.backup_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backup_table.setAlternatingRowColors(True)
        self.backup_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backup_table.setSortingEnabled(False)
        self.backup_table.setColumnCount(4)
        self.backup_table.horizontalHeader().setStretchLastSection(True)
        self.backup_table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.backup_table)

        self.status_label = QLabel(BackupDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.status_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.create_button = QPushButton(BackupDialog)
        self.create_button.setObjectName(u"create_button")
        icon = QIcon()
        icon.addFile(u":/icons/action-save.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.create_button.setIcon(icon)

        self.button_layout.addWidget(self.create_button)

        self.restore_button = QPushButton(BackupDialog)
        self.restore_button.setObjectName(u"restore_button")
        icon1 = QIcon()
        icon1.addFile(u":/icons/action-undo.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.restore_button.setIcon(icon1)

        self.button_layout.addWidget(self.restore_button)

        self.open_folder_button = QPushButton(BackupDialog)
        self.open_folder_button.setObjectName(u"open_folder_button")
        icon2 = QIcon()
        icon2.addFile(u":/icons/action-open.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.open_folder_button.setIcon(icon2)

        self.button_layout.addWidget(self.open_folder_button)

        self.button_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.button_box = QDialogButtonBox(BackupDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.button_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.button_layout)


        self.retranslateUi(BackupDialog)
        self.button_box.rejected.connect(BackupDialog.reject)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"Sao l\u01b0u v\u00e0 ph\u1ee5c h\u1ed3i", None))
        self.intro_label.setText(QCoreApplication.translate("BackupDialog", u"Ch\u01b0\u01a1ng tr\u00ecnh t\u1ef1 sao l\u01b0u m\u1ed7i ng\u00e0y, tr\u01b0\u1edbc khi n\u00e2ng c\u1ea5p d\u1eef li\u1ec7u v\u00e0 tr\u01b0\u1edbc khi nh\u1eadp g\u00f3i \u0111\u1ed3ng b\u1ed9. Ph\u1ee5c h\u1ed3i s\u1ebd thay d\u1eef li\u1ec7u hi\u1ec7n t\u1ea1i b\u1eb1ng b\u1ea3n sao l\u01b0u \u0111\u00e3 ch\u1ecdn; d\u1eef li\u1ec7u hi\u1ec7n t\u1ea1i \u0111\u01b0\u1ee3c sao l\u01b0u tr\u01b0\u1edbc.", None))
        self.folder_label.setText(QCoreApplication.translate("BackupDialog", u"Th\u01b0 m\u1ee5c sao l\u01b0u:", None))
        ___qtablewidgetitem = self.backup_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("BackupDialog", u"Th\u1eddi gian", None))
        ___qtablewidgetitem1 = self.backup_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("BackupDialog", u"Lo\u1ea1i", None))
        ___qtablewidgetitem2 = self.backup_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("BackupDialog", u"Dung l\u01b0\u1ee3ng", None))
        ___qtablewidgetitem3 = self.backup_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("BackupDialog", u"T\u1ec7p", None))
        self.status_label.setText("")
        self.create_button.setText(QCoreApplication.translate("BackupDialog", u"&Sao l\u01b0u ngay", None))
        self.restore_button.setText(QCoreApplication.translate("BackupDialog", u"&Ph\u1ee5c h\u1ed3i\u2026", None))
        self.open_folder_button.setText(QCoreApplication.translate("BackupDialog", u"&M\u1edf th\u01b0 m\u1ee5c sao l\u01b0u", None))
    # retranslateUi

